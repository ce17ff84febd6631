using Outloop.Bench;

// Benchmarks and data builders, one class per command. Run with:
//   dotnet run -c Release --project bench/Outloop.Bench -- <command> [options]
return args.Length == 0 ? Usage() : args[0] switch
{
    "sample" => SampleCommand.Run(args[1..], Console.Out),
    "corpus" => CorpusCommand.Run(args[1..], Console.Out),
    "redaction" => RedactionCommand.Run(args[1..], Console.Out),
    "import-stages" => ImportStagesCommand.Run(args[1..], Console.Out),
    "adapters" => AdaptersCommand.Run(args[1..], Console.Out),
    "report-stages" => ReportStagesCommand.Run(args[1..], Console.Out),
    "codex-corpus" => CodexCorpusCommand.Run(args[1..], Console.Out),
    "tasklog-corpus" => TaskLogCorpusCommand.Run(args[1..], Console.Out),
    "routing-sets" => RoutingSetsCommand.Run(args[1..], Console.Out),
    "routing-read" => RoutingReadCommand.Run(args[1..], Console.Out),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: Outloop.Bench <command> [options]
          sample --out DIR [--seed N] [--size small|demo|large]
                 writes the deterministic demo transcripts and prints what was written
          corpus --from DIR --out DIR --size-mb N [--seed N]
                 multiplies real Claude Code transcripts (fresh ids, days shifted per copy) into a large corpus
          corpus --from DIR --out FILE --single-file-mb N [--seed N]
                 writes one big transcript (one session id) of rewritten copies
          import-stages --from DIR
                 times reading, parsing and the whole Claude import of DIR (where the import spends its time)
          adapters [--data DIR] [--copies N] [--rounds N] [--adapter NAME] [--one-transaction 1] [--parse-only 1] [--out DIR]
                 MB/s of each trajectory adapter (swe-agent, mini-swe-agent, openhands, aider) on N copies of the real files
                 (--out DIR only writes the copies there, to time `outloop import <format> DIR/<folder>` on them)
          report-stages --db FILE
                 times a warm daily report: opening the store, reading requests, building, writing JSON
          codex-corpus --out DIR --copies N [--repeat K] [--from DIR]
                 multiplies the real Codex rollouts (fresh thread ids; --repeat K makes each copy K turns long)
          tasklog-corpus --out DIR --files N [--tasks K] [--from FILE]
                 multiplies docs/tasklog.example.jsonl into N task logs of K tasks (fresh ids)
          routing-sets --sets A.jsonl,B.jsonl [--tools FILE] [--dump FILE] [--slowest-with N]
                 routing accuracy, abstention accuracy and wrong routes per labelled set in one process; --dump writes
                 every decision as TSV (set, expected, chosen, best, confidence, input, why); --slowest-with N
                 times each request on a router with N more synthetic targets and lists the five slowest
          routing-read "TEXT" ["TEXT"...]
                 how the router's reader reads each request: its words with class, concepts and flags
          redaction [--from DIR] [--rounds N] [--rules 1]
                 secret redaction MB/s on every line of the transcripts under DIR (default ../shared/data/claude)
        """);
    return 2;
}
