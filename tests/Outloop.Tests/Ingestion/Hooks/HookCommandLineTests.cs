using Outloop.Ingestion.Hooks;

namespace Outloop.Tests.Ingestion.Hooks;

public sealed class HookCommandLineTests
{
    [Fact]
    public void TheNativeBinaryIsUsedWhenThereIsOne() =>
        Assert.Equal("/home/me/.outloop/bin/outloop-hook", HookCommandLine.Build("/home/me/.outloop/bin/outloop-hook", "/usr/bin/dotnet", "/x/Outloop.Cli.dll", null));

    [Fact]
    public void UnderTheDotnetHostTheCliAssemblyIsNamed() =>
        Assert.Equal("/usr/share/dotnet/dotnet /opt/outloop/Outloop.Cli.dll hook", HookCommandLine.Build(null, "/usr/share/dotnet/dotnet", "/opt/outloop/Outloop.Cli.dll", null));

    [Fact]
    public void PathsWithSpacesAreQuotedAndTheStoreIsPassedOn() =>
        Assert.Equal("'/home/me/my tools/Outloop.Cli' hook --db /data/o.db", HookCommandLine.Build(null, "/home/me/my tools/Outloop.Cli", "unused", "/data/o.db"));

    [Theory]
    [InlineData("/home/me/.outloop/bin/outloop-hook", true)]
    [InlineData("'/home/me/.outloop/bin/outloop-hook' --db /x.db", true)]
    [InlineData("/usr/share/dotnet/dotnet /opt/outloop/Outloop.Cli.dll hook", true)]
    [InlineData("outloop hook", true)]
    [InlineData("/home/me/bin/block-rm.sh", false)]
    [InlineData("npx some-hook", false)]
    [InlineData("python3 ~/hooks/outloop_audit.py", false)]
    public void OutloopsHandlersAreRecognisedAndOthersAreNot(string command, bool expected) =>
        Assert.Equal(expected, HookCommandLine.IsOutloopHook(command));

    [Theory]
    [InlineData(new[] { "hook" }, true, null)]
    [InlineData(new[] { "--db", "/a.db", "hook" }, true, "/a.db")]
    [InlineData(new[] { "hook", "--db=/b.db" }, true, "/b.db")]
    [InlineData(new[] { "hook", "--help" }, false, null)]
    [InlineData(new[] { "import", "claude" }, false, null)]
    [InlineData(new string[0], false, null)]
    public void OnlyABareHookInvocationTakesTheFastPath(string[] args, bool expected, string? expectedDb)
    {
        Assert.Equal(expected, HookEntryPoint.IsHookInvocation(args, hookWordRequired: true, out var invocation));
        if (expected)
        {
            Assert.Equal(expectedDb, invocation.Db);
        }
    }
}
