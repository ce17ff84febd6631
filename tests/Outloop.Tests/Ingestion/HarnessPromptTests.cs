using Outloop.Ingestion;

namespace Outloop.Tests.Ingestion;

public sealed class HarnessPromptTests
{
    [Fact]
    public void MiniSweAgentPrDescriptionIsTheTask()
    {
        const string prompt = "<pr_description>\nConsider the following PR description:\nParser drops trailing commas\nSteps: ...\n</pr_description>\n\n<instructions>\n# Task Instructions\n## Overview\nYou're a software engineer...\n</instructions>";

        Assert.Equal("Parser drops trailing commas\nSteps: ...", HarnessPrompt.Task(prompt));
    }

    [Fact]
    public void OpenHandsIssueDescriptionIsTheTask()
    {
        const string prompt = "<uploaded_files>\n/workspace/repo\n</uploaded_files>\nI've uploaded a C code repository. Consider the following issue description:\n\n<issue_description>\nSegfault on single element tuple match\n</issue_description>\n\nCan you help me implement the necessary changes so that the requirements in the <issue_description> are met?";

        Assert.Equal("Segfault on single element tuple match", HarnessPrompt.Task(prompt));
    }

    [Fact]
    public void SweAgentIssueIsTheLastOneBeforeInstructionsNotTheDemonstrations()
    {
        const string prompt = "Here is a demonstration.\n--- DEMONSTRATION ---\nWe're currently solving the following issue within our repository. Here's the issue text:\nISSUE:\nDemo issue\n\nINSTRUCTIONS:\nsolve it\n--- END OF DEMONSTRATION ---\nWe're currently solving the following issue within our repository. Here's the issue text:\nISSUE:\nTimeDelta loses precision\n\nINSTRUCTIONS:\nNow, you're going to solve this issue on your own.";

        Assert.Equal("TimeDelta loses precision", HarnessPrompt.Task(prompt));
    }

    [Fact]
    public void ProblemStatementAndCtfChallengeAreTheTask()
    {
        Assert.Equal("We can license this repo under the MIT license.",
            HarnessPrompt.Task("Please fix the following issue for the repository in /workspace.\n\n# Problem Statement\nWe can license this repo under the MIT license.\n\nIMPORTANT: You should ONLY interact with the environment"));
        Assert.Equal("The CTF challenge is a cryptography problem named \"Baby\". Decrypt msg.enc.",
            HarnessPrompt.Task("We're currently solving the following CTF challenge. The CTF challenge is a cryptography problem named \"Baby\". Decrypt msg.enc.\n\nINSTRUCTIONS:\nNow, you're going to solve this challenge on your own."));
    }

    [Theory]
    [InlineData("Please rename game_2048.py to 2048.py")]
    [InlineData("fix the ISSUE: label in the header")]
    [InlineData("<pr_description>\n</pr_description> then do the thing")]
    public void APromptWithoutAHarnessTemplateIsKeptWhole(string prompt) => Assert.Equal(prompt, HarnessPrompt.Task(prompt));
}
