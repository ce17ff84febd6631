namespace Outloop.Sample;

/// <summary>The tasks a sample session plays: each is a human prompt and the work done for it.</summary>
internal sealed partial class SessionSimulator
{
    private string? lastChange;

    public void Play(SampleTaskPlan plan)
    {
        switch (plan.Kind)
        {
            case SampleTaskKind.FixTest:
                FixTest(plan.Fault!);
                break;
            case SampleTaskKind.FixBuild:
                FixBuild(plan.Fault!);
                break;
            case SampleTaskKind.Feature:
                Feature(plan.Feature!);
                break;
            case SampleTaskKind.Question:
                Question(plan.Question!);
                break;
            case SampleTaskKind.Explore:
                Explore(plan.Question!);
                break;
            case SampleTaskKind.Commit:
                Commit();
                break;
            case SampleTaskKind.Interrupted:
                Interrupted();
                break;
        }
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private void FixTest(CodeFault fault)
    {
        Prompt(Pick(fault.Prompts));
        if (random.Next(3) == 0)
        {
            Think("The user reports a failing test. I should reproduce it first, then read the test and the code under test before changing anything.");
        }

        Say("Let me run the tests to see the failure.");
        RunFailing(fault, "Run the test suite");
        Say("One test fails. Let me read the test and the code it exercises.");
        Read(fault.InspectFile, fault.FixFile);
        Say(fault.Diagnosis);
        Edit(fault.FixFile, fault.OldText, fault.NewText);
        Run(project.TestCommand, "Run the test suite again");
        lastChange = $"Fix {fault.Key} in {fault.FixFile}";
        Finish($"Fixed. {fault.Diagnosis.Split(". ")[0].TrimEnd('.')}; the change is in `{fault.FixFile}`. The whole suite passes now.");
    }

    private void FixBuild(CodeFault fault)
    {
        Prompt(Pick(fault.Prompts));
        RunFailing(fault, "Reproduce the error");
        Read(fault.FixFile);
        Say(fault.Diagnosis);
        Edit(fault.FixFile, fault.OldText, fault.NewText);
        Bash(fault.Command, "Check again", project.PassingOutput(fault.Command, random), 0, CommandDuration(fault.Command));
        Run(project.TestCommand, "Make sure the tests still pass");
        lastChange = $"Fix {fault.Key} in {fault.FixFile}";
        Finish($"Fixed in `{fault.FixFile}`. `{fault.Command}` is clean and the tests pass.");
    }

    private void Feature(FeatureChange feature)
    {
        Prompt(feature.Prompt);
        Say("Let me find where this belongs.");
        Grep(feature.GrepPattern, "**/*");
        Read(feature.SourceFile);
        Edit(feature.SourceFile, feature.SourceOld, feature.SourceNew);
        Say("Now the test.");
        if (filesRead.Contains(feature.TestFile) || random.Next(5) < 2)
        {
            // The agent often edits a test file it has not read in this session, and Claude Code refuses.
            if (!Edit(feature.TestFile, feature.TestOld, feature.TestNew))
            {
                Read(feature.TestFile);
                Edit(feature.TestFile, feature.TestOld, feature.TestNew);
            }
        }
        else
        {
            Read(feature.TestFile);
            Edit(feature.TestFile, feature.TestOld, feature.TestNew);
        }

        Run(project.TestCommand, "Run the test suite");
        if (random.Next(2) == 0)
        {
            Run(project.BuildCommand, "Check the build");
        }

        if (random.Next(3) == 0)
        {
            Run(project.LintCommand, "Check formatting and lint");
        }

        lastChange = feature.Prompt.Split(',')[0];
        Finish(feature.Summary);
    }

    private void Question(CodeQuestion question)
    {
        Prompt(question.Prompt);
        if (random.Next(2) == 0)
        {
            Glob(question.Glob);
        }

        Grep(question.GrepPattern, question.Glob);
        Read(question.ReadFile);
        Finish(question.Answer);
    }

    private void Explore(CodeQuestion question)
    {
        Prompt($"Before I change anything: {question.Prompt} Give me an overview of the files involved.");
        Say("I'll have an Explore agent map this out.");
        var prompt = $"Explore {project.Cwd} and answer: {question.Prompt} List every relevant file with one line on its role. Do not modify anything.";
        pending.Add(SampleBlock.Tool(
            "Task",
            w =>
            {
                w.WriteString("description", "Explore " + question.GrepPattern.Trim('_', ' ') + " usage");
                w.WriteString("prompt", prompt);
                w.WriteString("subagent_type", "Explore");
            },
            call => RunExploreAgent(call, prompt, question)));
        Respond(main, model);
        Finish(question.Answer);
    }

    private SampleToolResult RunExploreAgent(SampleToolCall call, string prompt, CodeQuestion question)
    {
        var agentId = ids.AgentId();
        var firstUuid = ids.Uuid();
        var started = main.Clock;
        WriteAgentProgress(call, prompt, agentId, firstUuid);

        var sub = new TranscriptFile(
            Path.Combine(sessionFolder, "subagents", $"agent-{agentId}.jsonl"),
            main.Context with { AgentId = agentId },
            main.Clock,
            counts)
        {
            CachedTokens = 0,
            PendingTokens = random.Next(9_000, 13_000),
        };
        counts.SubagentFiles++;
        WriteSidechainPrompt(sub, null, firstUuid, prompt);

        var toolCallsBefore = counts.ToolCalls;
        subagentFile = sub;
        Say("I'll search the codebase for the relevant files.");
        Glob(question.Glob);
        Grep(question.GrepPattern, question.Glob);
        Read(question.ReadFile);
        var report = $"## Findings\n\n{question.Answer}\n\nRelevant file: `{project.Path(question.ReadFile)}`.";
        pending.Add(SampleBlock.Say(report));
        Respond(sub, HaikuModel);
        subagentFile = null;

        var usage = lastUsage;
        var toolUses = counts.ToolCalls - toolCallsBefore;
        var totalTokens = usage.Input + usage.Created + usage.Cached + usage.Output;
        var durationMs = (long)(sub.Clock - started).TotalMilliseconds;
        main.Clock = sub.Clock;
        sub.Dispose();

        var footer = $"agentId: {agentId} (for resuming to continue this agent's work if needed)\n<usage>total_tokens: {totalTokens}\ntool_uses: {toolUses}\nduration_ms: {durationMs}</usage>";
        return new SampleToolResult(
            "",
            false,
            w =>
            {
                w.WriteStartObject("toolUseResult");
                w.WriteString("status", "completed");
                w.WriteString("prompt", prompt);
                w.WriteString("agentId", agentId);
                w.WriteStartArray("content");
                w.WriteStartObject();
                w.WriteString("type", "text");
                w.WriteString("text", report);
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteNumber("totalDurationMs", durationMs);
                w.WriteNumber("totalTokens", totalTokens);
                w.WriteNumber("totalToolUseCount", toolUses);
                w.WriteStartObject("usage");
                w.WriteNumber("input_tokens", usage.Input);
                w.WriteNumber("cache_creation_input_tokens", usage.Created);
                w.WriteNumber("cache_read_input_tokens", usage.Cached);
                w.WriteNumber("output_tokens", usage.Output);
                w.WriteString("service_tier", "standard");
                w.WriteEndObject();
                w.WriteEndObject();
            },
            TimeSpan.FromMilliseconds(random.Next(100, 400)),
            TextBlocks: [report, footer]);
    }

    private void WriteAgentProgress(SampleToolCall call, string prompt, string agentId, string firstUuid)
    {
        main.Advance(TimeSpan.FromMilliseconds(random.Next(2, 20)));
        var uuid = ids.Uuid();
        main.WriteLine(w =>
        {
            main.WriteEnvelope(w, main.LastUuid);
            w.WriteString("type", "progress");
            w.WriteStartObject("data");
            w.WriteStartObject("message");
            w.WriteString("type", "user");
            w.WriteStartObject("message");
            w.WriteString("role", "user");
            w.WriteStartArray("content");
            w.WriteStartObject();
            w.WriteString("type", "text");
            w.WriteString("text", prompt);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteString("uuid", firstUuid);
            w.WriteString("timestamp", TranscriptFile.Timestamp(main.Clock));
            w.WriteEndObject();
            w.WriteStartArray("normalizedMessages");
            w.WriteEndArray();
            w.WriteString("type", "agent_progress");
            w.WriteString("prompt", prompt);
            w.WriteString("agentId", agentId);
            w.WriteEndObject();
            w.WriteString("toolUseID", "agent_" + call.MessageId);
            w.WriteString("parentToolUseID", call.Id);
            w.WriteString("uuid", uuid);
            w.WriteString("timestamp", TranscriptFile.Timestamp(main.Clock));
        });
        main.LastUuid = uuid;
    }

    private static void WriteSidechainPrompt(TranscriptFile sub, string? parentUuid, string uuid, string text)
    {
        sub.WriteLine(w =>
        {
            sub.WriteEnvelope(w, parentUuid);
            w.WriteString("type", "user");
            w.WriteStartObject("message");
            w.WriteString("role", "user");
            w.WriteString("content", text);
            w.WriteEndObject();
            sub.WriteTail(w, uuid);
        });
        sub.LastUuid = uuid;
        sub.PendingTokens += Tokens(text);
    }

    private void Commit()
    {
        Prompt(Pick(["commit this", "Commit the changes with a good message", "ok, commit"]));
        if (edited.Count == 0)
        {
            Bash("git status", "Show working tree status", $"On branch {main.Context.GitBranch}\nnothing to commit, working tree clean\n", 0, TimeSpan.FromMilliseconds(random.Next(40, 150)));
            Finish("There is nothing to commit: the working tree is clean.");
            return;
        }

        var changed = string.Join('\n', edited.Keys.Select(path => $"\tmodified:   {path}"));
        Bash(
            "git status",
            "Show working tree status",
            $"On branch {main.Context.GitBranch}\nChanges not staged for commit:\n  (use \"git add <file>...\" to update what will be committed)\n  (use \"git restore <file>...\" to discard changes in working directory)\n{changed}\n\nno changes added to commit (use \"git add\" and/or \"git commit -a\")\n",
            0,
            TimeSpan.FromMilliseconds(random.Next(40, 150)));
        var insertions = random.Next(3, 40);
        var deletions = random.Next(1, 12);
        var stat = string.Join('\n', edited.Keys.Select(path => $" {path} | {random.Next(1, 20)} +++--"));
        Bash("git diff --stat", "Summarise the diff", $"{stat}\n {edited.Count} files changed, {insertions} insertions(+), {deletions} deletions(-)\n", 0, TimeSpan.FromMilliseconds(random.Next(40, 150)));
        var message = lastChange ?? "Update " + string.Join(", ", edited.Keys);
        var hash = $"{random.Next(0x1000000, 0xFFFFFFF):x7}";
        Bash(
            $"git add -A && git commit -m \"{message}\"",
            "Commit the changes",
            $"[{main.Context.GitBranch} {hash}] {message}\n {edited.Count} files changed, {insertions} insertions(+), {deletions} deletions(-)\n",
            0,
            TimeSpan.FromMilliseconds(random.Next(100, 600)));
        edited.Clear();
        lastChange = null;
        Finish($"Committed as `{hash}`: \"{message}\".");
    }

    private void Interrupted()
    {
        if (random.Next(2) == 0)
        {
            Prompt("Run the whole test suite with coverage");
            Say("Running the full suite with coverage.");
            var command = project.TestCommand + (project.TestCommand.StartsWith("uv", StringComparison.Ordinal) ? " --cov=app" : project.TestCommand.StartsWith("npx", StringComparison.Ordinal) ? " --coverage" : " --cover");
            counts.RanCommand(command);
            pending.Add(SampleBlock.Tool(
                "Bash",
                w =>
                {
                    w.WriteString("command", command);
                    w.WriteString("description", "Run all tests with coverage");
                },
                _ => SampleToolResult.Rejection()));
            Respond(main, model);
            Interruption(forToolUse: true);
        }
        else
        {
            Prompt("Refactor the whole module to use dependency injection");
            pending.Add(SampleBlock.Say("This is a large change. Let me start by listing every place that constructs its dependencies directly, then"));
            Respond(main, model);
            main.Advance(TimeSpan.FromSeconds(random.Next(2, 8)));
            Interruption(forToolUse: false);
        }
    }

    /// <summary>A manual /compact: the compaction agent's file, the boundary, and the summary the session continues from.</summary>
    public void Compact()
    {
        var agentId = ids.CompactAgentId();
        var sub = new TranscriptFile(
            Path.Combine(sessionFolder, "subagents", $"agent-{agentId}.jsonl"),
            main.Context with { AgentId = agentId },
            main.Clock,
            counts)
        {
            CachedTokens = main.CachedTokens,
            PendingTokens = main.PendingTokens + 600,
        };
        counts.SubagentFiles++;
        WriteSidechainPrompt(sub, main.LastUuid, ids.Uuid(), "Your task is to create a detailed summary of the conversation so far, paying close attention to the user's explicit requests and your previous actions.");
        var summary = $"This session is being continued from a previous conversation that ran out of context. The summary below covers the earlier portion of the conversation.\n\nAnalysis:\nThe user works on {project.Name} ({project.Cwd}). Files changed so far: {(edited.Count == 0 ? "none" : string.Join(", ", edited.Keys))}. Tests are run with `{project.TestCommand}`.";
        subagentFile = sub;
        pending.Add(SampleBlock.Say(summary));
        Respond(sub, model);
        subagentFile = null;
        main.Clock = sub.Clock;
        sub.Dispose();

        var preTokens = main.CachedTokens + main.PendingTokens;
        var logicalParent = main.LastUuid;
        var boundary = ids.Uuid();
        main.Advance(TimeSpan.FromSeconds(1));
        main.WriteLine(w =>
        {
            main.WriteEnvelope(w, null);
            w.WriteString("logicalParentUuid", logicalParent);
            w.WriteString("type", "system");
            w.WriteString("subtype", "compact_boundary");
            w.WriteString("content", "Conversation compacted");
            w.WriteBoolean("isMeta", false);
            main.WriteTail(w, boundary);
            w.WriteString("level", "info");
            w.WriteStartObject("compactMetadata");
            w.WriteString("trigger", "manual");
            w.WriteNumber("preTokens", preTokens);
            w.WriteEndObject();
        });
        var summaryUuid = ids.Uuid();
        main.WriteLine(w =>
        {
            main.WriteEnvelope(w, boundary);
            w.WriteString("type", "user");
            w.WriteStartObject("message");
            w.WriteString("role", "user");
            w.WriteString("content", summary);
            w.WriteEndObject();
            w.WriteBoolean("isVisibleInTranscriptOnly", true);
            w.WriteBoolean("isCompactSummary", true);
            main.WriteTail(w, summaryUuid);
        });
        main.LastUuid = summaryUuid;
        main.CachedTokens = random.Next(15_000, 19_000);
        main.PendingTokens = Tokens(summary);
        if (project.HasHooks)
        {
            WriteHookProgress(main, "SessionStart", "SessionStart:compact", "${CLAUDE_PLUGIN_ROOT}/hooks/session-start.sh", ids.Uuid());
        }
    }
}
