using Hearsay.Core.Documents;

namespace Hearsay.Core.Pipeline;

/// <summary>Thrown when a pipeline is built with a stage whose required layers nothing provides.</summary>
public sealed class PipelineValidationException : Exception
{
    public PipelineValidationException(string stage, Layers missing)
        : base($"Pipeline is invalid: stage '{stage}' requires layer(s) {missing}, which no earlier stage provides.")
    {
        Stage = stage;
        Missing = missing;
    }

    public PipelineValidationException()
    {
        Stage = "";
    }

    public PipelineValidationException(string message)
        : base(message)
    {
        Stage = "";
    }

    public PipelineValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Stage = "";
    }

    public string Stage { get; }

    public Layers Missing { get; }
}
