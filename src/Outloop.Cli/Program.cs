using Outloop.Cli;

return await CliApp.RunAsync(args, CliConsole.System()).ConfigureAwait(false);
