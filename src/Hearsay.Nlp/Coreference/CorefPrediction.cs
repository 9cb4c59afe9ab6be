using Hearsay.Core.Documents;

namespace Hearsay.Nlp.Coreference;

/// <summary>
/// What <see cref="CoreferenceResolver"/> predicts: every mention (the recognizer's names and the nominals and
/// pronouns it found), the entities, and for corpus output all candidate clusters including singletons.
/// </summary>
public sealed record CorefPrediction(IReadOnlyList<Mention> Mentions, IReadOnlyList<Entity> Entities, IReadOnlyList<IReadOnlyList<TokenRange>> Clusters, IReadOnlyList<EntityLabel> ClusterLabels);
