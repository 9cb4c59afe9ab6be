using Hearsay.Bench;

return ExtractionBench.Run(args);
