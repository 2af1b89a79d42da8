using System;
using System.IO;
using QualysGen.Benchmarks.Alternatives;

namespace QualysGen.Benchmarks.Verification;

internal static class ValueCheck
{
    /// <summary>Throws unless both floor passes counted the characters of every value that XDocument sees.</summary>
    public static void AssertFloorReadsEverything(byte[] xml, long floor, long floorAsync)
    {
        var expected = Baselines.ValueCharacters(new MemoryStream(xml, writable: false));
        if (expected == 0 || floor != expected || floorAsync != expected)
        {
            throw new InvalidOperationException($"The XmlReader floor read {floor} (async: {floorAsync}) characters of values; the document has {expected}.");
        }
    }
}
