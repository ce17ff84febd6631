namespace Outloop.Tests.Ingestion.MiniSweAgent;

/// <summary>A trajectory written for these tests in mini-swe-agent's shape: one good call, one failing, one format error, the submission.</summary>
internal static class MiniSweAgentSamples
{
    public const string Trajectory =
        """
        {"info": {"exit_status": "Submitted", "submission": "diff", "model_stats": {"instance_cost": 0.01, "api_calls": 4},
                  "mini_version": "1.9.0", "config": {"model": {"model_name": "anthropic/claude-sonnet-4"}}},
         "messages": [
          {"role": "system", "content": "You are a helpful assistant"},
          {"role": "user", "content": "<pr_description>Fix the parser</pr_description>"},
          {"role": "assistant", "content": "THOUGHT: look\n\n```bash\nls src\n```", "extra": {"response": {"id": "m-1", "model": "anthropic/claude-sonnet-4", "created": 1760000000,
             "usage": {"prompt_tokens": 130, "completion_tokens": 20, "cost": 0.001, "prompt_tokens_details": {"cached_tokens": 30}}}}},
          {"role": "user", "content": "<returncode>0</returncode>\n<output>\nparser.py\n</output>"},
          {"role": "assistant", "content": "THOUGHT: test\n\n```bash\npython -m pytest\n```", "extra": {"response": {"id": "m-2", "created": 1760000010,
             "usage": {"prompt_tokens": 150, "completion_tokens": 25, "cost": 0.002}}}},
          {"role": "user", "content": "<returncode>1</returncode>\n<output>\n1 failed\n</output>"},
          {"role": "assistant", "content": "two\n```bash\nls\n```\n```bash\npwd\n```", "extra": {"response": {"id": "m-3", "created": 1760000020,
             "usage": {"prompt_tokens": 200, "completion_tokens": 5, "cost": 0.003}}}},
          {"role": "user", "content": "Please always provide EXACTLY ONE action in triple backticks, found 2 actions."},
          {"role": "assistant", "content": "done\n```bash\necho COMPLETE_TASK_AND_SUBMIT_FINAL_OUTPUT && git diff\n```", "extra": {"response": {"id": "m-4", "created": 1760000030,
             "usage": {"prompt_tokens": 210, "completion_tokens": 5, "cost": 0.004}}}},
          {"role": "user", "content": "diff --git a/parser.py b/parser.py"}
         ],
         "trajectory_format": "mini-swe-agent-1", "instance_id": "org__repo-7"}
        """;
}
