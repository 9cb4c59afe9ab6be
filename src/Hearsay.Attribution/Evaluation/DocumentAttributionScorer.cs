namespace Hearsay.Attribution.Evaluation;
