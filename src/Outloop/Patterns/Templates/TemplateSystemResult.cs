namespace Outloop.Patterns.Templates;

/// <summary>The scores of one benchmark system (JSON: <c>system, lines, ga, fga, pa, fta</c>).</summary>
internal sealed record TemplateSystemResult(string System, int Lines, double Ga, double Fga, double Pa, double Fta);
