using Outloop.Ingestion.Hooks;

// Accepts `outloop-hook [--db PATH]` and, like the CLI, `outloop-hook hook [--db PATH]`. Other arguments are
// ignored rather than refused: a hook must never fail the agent.
HookEntryPoint.IsHookInvocation(args, hookWordRequired: false, out var db);
return HookEntryPoint.Run(db, Console.OpenStandardInput());
