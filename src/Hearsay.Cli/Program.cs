using Hearsay.Cli;

return await HearsayCli.Build().Parse(args).InvokeAsync().ConfigureAwait(false);
