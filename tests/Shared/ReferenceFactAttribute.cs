using Xunit;

namespace QualysGen.Tests;

/// <summary>A fact that reads <see cref="ReferenceFiles"/>: skipped, with the reason, when the reference folder is absent.</summary>
internal sealed class ReferenceFactAttribute : FactAttribute
{
    public ReferenceFactAttribute()
    {
        Skip = ReferenceFiles.SkipReason;
    }
}
