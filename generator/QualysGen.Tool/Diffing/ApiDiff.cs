using System.Collections.Generic;
using System.Linq;

namespace QualysGen.Tool.Diffing;

/// <summary>The changes between two versions of one file, breaking first.</summary>
/// <param name="OldPath">The old version's path (or URL).</param>
/// <param name="NewPath">The new version's path (or URL).</param>
/// <param name="Changes">The changes.</param>
internal sealed record ApiDiff(string OldPath, string NewPath, IReadOnlyList<ApiChange> Changes)
{
    public int Breaking => Changes.Count(c => c.Severity == ChangeSeverity.Breaking);

    public int Additive => Changes.Count(c => c.Severity == ChangeSeverity.Additive);
}
