using System.Globalization;
using Hearsay.Nlp.Contextual;

namespace Hearsay.Cli.Training;

/// <summary>The contextual scorers' network settings from the environment (HEARSAY_CONTEXT_EPOCHS, _RADIUS, _HIDDEN, _DROPOUT, _CENTRED, _ENSEMBLE); unset: the defaults.</summary>
internal static class ContextTrainSettings
{
    public static ContextTokenSettings FromEnvironment()
    {
        var settings = new ContextTokenSettings();
        return settings with
        {
            Epochs = Read("HEARSAY_CONTEXT_EPOCHS", settings.Epochs),
            Radius = Read("HEARSAY_CONTEXT_RADIUS", settings.Radius),
            Hidden = Read("HEARSAY_CONTEXT_HIDDEN", settings.Hidden),
            Ensemble = Read("HEARSAY_CONTEXT_ENSEMBLE", settings.Ensemble),
            Centred = Environment.GetEnvironmentVariable("HEARSAY_CONTEXT_CENTRED") == "1",
            Dropout = Environment.GetEnvironmentVariable("HEARSAY_CONTEXT_DROPOUT") is { Length: > 0 } d ? float.Parse(d, CultureInfo.InvariantCulture) : settings.Dropout,
        };
    }

    private static int Read(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : fallback;
}
