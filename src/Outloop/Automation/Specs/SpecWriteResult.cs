using Outloop.Patterns;

namespace Outloop.Automation.Specs;

/// <summary>
/// What writing one spec did: the file, the spec as written (null when <paramref name="Problem"/> says why none was),
/// and the status changes made on the way (an edited status taken over from the file, an automatic approval).
/// </summary>
internal sealed record SpecWriteResult(string Path, PatternSpec? Spec, IReadOnlyList<StatusChange> Changes, string? Problem = null);
