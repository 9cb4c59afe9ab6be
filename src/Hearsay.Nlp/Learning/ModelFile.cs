using System.IO.Compression;

namespace Hearsay.Nlp.Learning;

/// <summary>
/// The container every Nlp model file uses: a gzip stream of BinaryWriter fields. The returned reader or writer owns
/// the whole stream chain, so disposing it closes the file.
/// </summary>
internal static class ModelFile
{
    public static BinaryReader OpenRead(string path) =>
        new(new BufferedStream(new GZipStream(File.OpenRead(path), CompressionMode.Decompress), 1 << 16));

    /// <summary>Creates the file (and its folder), smallest compression: model files are committed to the repository.</summary>
    public static BinaryWriter Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return new BinaryWriter(new GZipStream(File.Create(path), CompressionLevel.SmallestSize));
    }
}
