using System.Collections.Generic;
using System.Reflection;
using Xunit.Sdk;

namespace QualysGen.Tests;

/// <summary>
/// A theory row, like <c>InlineData</c>, that names a file of <see cref="ReferenceFiles"/>: the row is skipped, with the
/// reason, when the reference folder is absent; rows of other data attributes on the same theory still run.
/// </summary>
internal sealed class ReferenceInlineDataAttribute : DataAttribute
{
    private readonly object[] _data;

    public ReferenceInlineDataAttribute(params object[] data)
    {
        _data = data;
        Skip = ReferenceFiles.SkipReason;
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [_data];
}
