namespace Hearsay.Core.Storage;

/// <summary>A store could not be opened or written; the message names the store and the cause.</summary>
public sealed class StoreException : Exception
{
    public StoreException()
    {
    }

    public StoreException(string message)
        : base(message)
    {
    }

    public StoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
