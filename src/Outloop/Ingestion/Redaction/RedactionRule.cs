using System.Text.RegularExpressions;

namespace Outloop.Ingestion.Redaction;

/// <summary>
/// One kind of secret: the substrings that must be present for it to be possible (checked first, cheaply, with
/// <see cref="Comparison"/>), the pattern, and what to call a match found in a text. The part replaced is the group named <c>v</c>
/// when the pattern has one, else the whole match. <see cref="Classify"/> returns the kind, or null to leave a match
/// that is not a secret.
/// </summary>
internal sealed record RedactionRule(string[] Triggers, StringComparison Comparison, Regex Pattern, Func<string, Match, string?> Classify);
