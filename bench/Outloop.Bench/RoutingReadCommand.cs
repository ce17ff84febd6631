using Outloop.Automation.Routing;

namespace Outloop.Bench;

/// <summary>
/// <c>routing-read "TEXT" [...]</c>: prints how the router's reader splits each request into words, one line per
/// word with its class, concepts and flags (clause start, scoped, named, incidental, context), to see why a request
/// routes or abstains.
/// </summary>
internal static class RoutingReadCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        foreach (var text in args)
        {
            output.WriteLine(text);
            foreach (var t in TextAnalyzer.Analyze(text))
            {
                var flags = string.Join(' ', new[]
                {
                    t.ClauseStart ? "start" : null, t.Scoped ? "scoped" : null, t.Named ? "named" : null,
                    t.Incidental ? "incidental" : null, t.Context ? "context" : null, t.Corrected ? "corrected" : null,
                }.Where(static f => f is not null));
                output.WriteLine($"  {t.Surface,-18} {t.Class,-9} {string.Join('/', t.Concepts),-24} {flags}");
            }
        }

        return 0;
    }
}
