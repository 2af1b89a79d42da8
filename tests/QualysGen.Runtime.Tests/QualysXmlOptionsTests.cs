using System;

namespace QualysGen.Runtime.Tests;

/// <summary>The parse options' defaults and their bounds: a value out of range is refused when it is set, not met later in a parse.</summary>
public sealed class QualysXmlOptionsTests
{
    [Fact]
    public void The_defaults_are_the_documented_ones()
    {
        var options = new QualysXmlOptions();
        Assert.False(options.Strict);
        Assert.Null(options.Reporter);
        Assert.Equal(256, options.MaxDepth);
        Assert.Equal(64 * 1024 * 1024, options.MaxRecordBytes);
        Assert.Equal(1L << 30, options.MaxBufferedBytes);
        Assert.Null(options.MaxDegreeOfParallelism);
        Assert.Equal(128 * 1024, options.ParallelThresholdBytes);
    }

    [Fact]
    public void A_value_out_of_range_is_refused_where_it_is_set()
    {
        Assert.Equal("MaxDepth", Assert.Throws<ArgumentOutOfRangeException>(() => new QualysXmlOptions { MaxDepth = 0 }).ParamName);
        Assert.Equal("MaxRecordBytes", Assert.Throws<ArgumentOutOfRangeException>(() => new QualysXmlOptions { MaxRecordBytes = 64 * 1024 - 1 }).ParamName);
        Assert.Equal("MaxBufferedBytes", Assert.Throws<ArgumentOutOfRangeException>(() => new QualysXmlOptions { MaxBufferedBytes = 0 }).ParamName);
        Assert.Equal("MaxDegreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(() => new QualysXmlOptions { MaxDegreeOfParallelism = 0 }).ParamName);
        Assert.Equal("MaxDegreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(() => new QualysXmlOptions { MaxDegreeOfParallelism = 513 }).ParamName);
        Assert.Equal("ParallelThresholdBytes", Assert.Throws<ArgumentOutOfRangeException>(() => new QualysXmlOptions { ParallelThresholdBytes = -1 }).ParamName);

        var edges = new QualysXmlOptions { MaxDepth = 10_000, MaxRecordBytes = 64 * 1024, MaxDegreeOfParallelism = 512, ParallelThresholdBytes = 0 };
        Assert.Equal(0, edges.ParallelThresholdBytes);
        Assert.Equal(512, edges.MaxDegreeOfParallelism);
    }
}
