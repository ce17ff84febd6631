namespace Outloop.Patterns.Templates;

/// <summary>The four Loghub accuracy figures of one parse, each between 0 and 1.</summary>
/// <param name="Ga">Grouping accuracy: share of lines in groups parsed exactly (original ground truth).</param>
/// <param name="Fga">F1 of correctly parsed groups over parsed and true groups (corrected ground truth).</param>
/// <param name="Pa">Share of lines whose template text equals the true one (corrected ground truth).</param>
/// <param name="Fta">F1 of parsed templates that are right in grouping and text (corrected ground truth).</param>
internal sealed record TemplateScores(double Ga, double Fga, double Pa, double Fta);
