namespace Outloop.Patterns.Templates;

/// <summary>
/// One template mined from a stream of messages: the constant words with every variable part written as
/// <c>&lt;*&gt;</c>, how many messages it covers, and the first few of them.
/// </summary>
internal sealed record MinedTemplate(int Id, string Text, int Count, IReadOnlyList<string> Examples);
