namespace Outloop.Patterns.Signatures;

/// <summary>The first part of an operation signature.</summary>
internal static class OperationCategory
{
    public const string Test = "test";
    public const string Build = "build";
    public const string Lint = "lint";
    public const string Format = "format";
    public const string Vcs = "vcs";
    public const string Deps = "deps";
    public const string Run = "run";
    public const string Search = "search";
    public const string File = "file";
    public const string Web = "web";
    public const string Agent = "agent";
    public const string Mcp = "mcp";
    public const string Other = "other";

    /// <summary>
    /// True for the categories that check the work (tests, builds and type checks, linters and format checks):
    /// the runs an iteration counter counts.
    /// </summary>
    public static bool IsVerification(string category) => category is Test or Build or Lint;
}
