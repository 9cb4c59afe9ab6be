namespace Hearsay.Web;

public sealed record HealthReport(string Status, int Documents);
