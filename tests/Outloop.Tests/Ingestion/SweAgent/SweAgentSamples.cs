namespace Outloop.Tests.Ingestion.SweAgent;

/// <summary>Small trajectories written for these tests in the shapes SWE-agent 0.x and 1.x write (not copied from any run).</summary>
internal static class SweAgentSamples
{
    public const string ZeroX =
        """
        {
          "environment": "swe_main",
          "trajectory": [
            {"action": "open src/app.py\n", "observation": "[File: /repo/src/app.py (3 lines total)]\n1:x = 1", "response": "r", "thought": "t",
             "state": "{\"open_file\": \"/repo/src/app.py\", \"working_dir\": \"/repo\"}"},
            {"action": "edit 1:1\nx = 2\nend_of_edit\n", "observation": "Your proposed edit has introduced new syntax error(s).", "response": "r", "thought": "t",
             "state": "{\"open_file\": \"src/app.py\", \"working_dir\": \"/repo\"}"},
            {"action": "export GH=ghp_abcdefghijklmnopqrstuvwxyz0123456789", "observation": "", "response": "r", "thought": "t", "state": "{}"}
          ],
          "history": [{"role": "system", "content": "sys"}, {"role": "user", "content": "Fix the bug in app.py"}],
          "info": {"exit_status": "exit_format", "submission": null,
                   "model_stats": {"total_cost": 0.5, "instance_cost": 0.5, "tokens_sent": 1000, "tokens_received": 50, "api_calls": 3}}
        }
        """;

    public const string OneX =
        """
        {
          "trajectory": [
            {"action": "find_file app.py tests", "observation": "No matches found", "execution_time": 0.25, "state": {"open_file": "n/a", "working_dir": "/testbed"}},
            {"action": "python -c 'import app'", "observation": "Traceback (most recent call last):\n  File ...", "execution_time": 1.5, "state": {"working_dir": "/testbed"}},
            {"action": "submit", "observation": "diff --git a/x b/x", "execution_time": 0.1, "state": {"working_dir": "/testbed"}}
          ],
          "history": [{"role": "user", "content": [{"type": "text", "text": "Make app importable"}]}],
          "info": {"exit_status": "submitted (exit_cost)", "submission": "diff --git a/x b/x\n", "swe_agent_version": "1.0.1",
                   "model_stats": {"instance_cost": 0.12, "tokens_sent": 900, "tokens_received": 80, "api_calls": 3}},
          "replay_config": "{\"agent\": {\"model\": {\"name\": \"gpt-4o-mini\"}}}",
          "environment": "main"
        }
        """;
}
