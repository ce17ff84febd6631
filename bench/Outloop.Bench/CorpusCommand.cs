namespace Outloop.Bench;

internal static class CorpusCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        output.WriteLine(string.Join(' ', args));
        return 1;
    }
}
