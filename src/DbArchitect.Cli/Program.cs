using DbArchitect.Cli;

return await DbarchApp.RunAsync(args, Console.In, Console.Out, Console.Error, CancellationToken.None).ConfigureAwait(false);
