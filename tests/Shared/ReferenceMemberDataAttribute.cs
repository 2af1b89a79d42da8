using System;
using System.Reflection;
using Xunit;

namespace QualysGen.Tests;

/// <summary>
/// Theory rows, like <c>MemberData</c>, that name files of <see cref="ReferenceFiles"/>: each row is skipped, with the reason,
/// when the reference folder is absent; rows of other data attributes on the same theory still run.
/// </summary>
internal sealed class ReferenceMemberDataAttribute : MemberDataAttributeBase
{
    public ReferenceMemberDataAttribute(string memberName, params object[] parameters)
        : base(memberName, parameters)
    {
        Skip = ReferenceFiles.SkipReason;
    }

    protected override object[] ConvertDataItem(MethodInfo testMethod, object item)
        => item as object[] ?? throw new ArgumentException($"{MemberName} of {testMethod.DeclaringType?.Name} must yield object[] rows");
}
