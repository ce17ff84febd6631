namespace Outloop.Patterns.Templates;

/// <summary>The unweighted mean of the systems' scores.</summary>
internal sealed record TemplateMeanResult(double Ga, double Fga, double Pa, double Fta);
