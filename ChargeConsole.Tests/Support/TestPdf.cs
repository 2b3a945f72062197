using System.Text;

namespace ChargeConsole.Tests.Support;

/// <summary>
/// Real PDFs for upload tests, built by hand with a correct cross-reference table: one page with a line of text, and
/// whatever extra objects and catalog entries a test needs (a script, an attachment) to see them refused.
/// </summary>
public static class TestPdf
{
    /// <summary>A one-page invoice-like PDF.</summary>
    public static readonly byte[] Invoice = Build();

    /// <param name="catalogExtra">entries added to the catalog, e.g. <c>/OpenAction 5 0 R</c></param>
    /// <param name="extraObjects">objects numbered from 5 on, e.g. <c>&lt;&lt; /S /JavaScript /JS (app.alert(1)) &gt;&gt;</c></param>
    public static byte[] Build(string catalogExtra = "", params string[] extraObjects)
    {
        const string text = "BT /F1 18 Tf 72 720 Td (Invoice 12345678) Tj ET";
        var objects = new List<string>
        {
            $"<< /Type /Catalog /Pages 2 0 R {catalogExtra} >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
            $"<< /Length {text.Length} >>\nstream\n{text}\nendstream",
        };
        objects.AddRange(extraObjects);
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) pdf.Append($"{o:0000000000} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
