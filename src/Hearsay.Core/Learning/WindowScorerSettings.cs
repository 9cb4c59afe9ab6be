namespace Hearsay.Core.Learning;

/// <summary>
/// Hyper-parameters of <see cref="WindowScorerTrainer"/>; the defaults are the NER scorer's (48-d projection,
/// 128 hidden units, dropout 0.2, Adam 1e-3), which the tagger and attribution scorers reuse unchanged.
/// </summary>
public sealed record WindowScorerSettings
{
    /// <summary>Training epochs over all sentences.</summary>
    public int Epochs { get; init; }

    /// <summary>Size of the projected word vectors.</summary>
    public int Dim { get; init; } = 48;

    /// <summary>Hidden units (a multiple of the SIMD width).</summary>
    public int Hidden { get; init; } = 128;

    public float Dropout { get; init; } = 0.2f;

    /// <summary>Adam's initial step size (decays linearly to a tenth).</summary>
    public float Rate { get; init; } = 1e-3f;
}
