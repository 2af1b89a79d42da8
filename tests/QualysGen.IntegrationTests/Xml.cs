using System.IO;
using System.Text;

namespace QualysGen.IntegrationTests;

internal static class Xml
{
    public static Stream Stream(string xml) => new MemoryStream(Encoding.UTF8.GetBytes(xml));
}
