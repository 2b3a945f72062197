using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace ChargeConsole.Infrastructure.Files;

/// <summary>
/// Whether an uploaded invoice is a real PDF a user may safely open: PdfPig must parse it strictly (an HTML page behind
/// the magic bytes does not), it must have a page, and no object in it may run or open anything — JavaScript, launch,
/// import or submit actions, embedded files — wherever it hides (object streams are read through the parser).
/// </summary>
public static class PdfCheck
{
    /// <summary>Action types a PDF viewer runs or follows out of the document.</summary>
    private static readonly HashSet<string> ActiveActions = ["JavaScript", "Launch", "ImportData", "SubmitForm", "ResetForm", "Rendition", "RichMediaExecute"];
    /// <summary>Dictionary keys that carry code or other files.</summary>
    private static readonly HashSet<string> ActiveKeys = ["JS", "JavaScript", "EmbeddedFile", "EmbeddedFiles", "RichMedia", "XFA"];
    /// <summary>No real invoice has this many objects; a document that does is not walked further.</summary>
    private const int MaxObjects = 20_000;

    /// <summary>Null when the PDF is acceptable; otherwise the Chinese reason.</summary>
    public static string? Problem(byte[] content)
    {
        try
        {
            using var document = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = false });
            if (document.IsEncrypted) return "PDF 已加密，请上传未加密的发票文件";
            if (document.NumberOfPages < 1) return "PDF 没有页面";
            var objects = document.Structure.CrossReferenceTable.ObjectOffsets.Keys.ToList();
            if (objects.Count > MaxObjects) return "PDF 结构过于复杂，不像是发票文件";
            var seen = new HashSet<IToken>(ReferenceEqualityComparer.Instance);
            foreach (var reference in objects)
            {
                if (Active(document.Structure.GetObject(reference).Data, seen, depth: 0) is { } what)
                    return $"PDF 含有可执行内容（{what}），不能作为发票上传";
            }
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // PdfPig throws its own parse exceptions (and now and then a plain one) for whatever is not a PDF.
            return "文件不是有效的 PDF（无法解析其结构）";
        }
    }

    private static string? Active(IToken token, HashSet<IToken> seen, int depth)
    {
        if (depth > 32 || !seen.Add(token)) return null;
        switch (token)
        {
            case DictionaryToken d:
                return Active(d, seen, depth);
            case StreamToken s:
                return Active(s.StreamDictionary, seen, depth);
            case ArrayToken a:
                foreach (var item in a.Data)
                    if (Active(item, seen, depth + 1) is { } found) return found;
                return null;
            default:
                return null;
        }
    }

    private static string? Active(DictionaryToken d, HashSet<IToken> seen, int depth)
    {
        foreach (var (key, value) in d.Data)
        {
            if (ActiveKeys.Contains(key)) return "/" + key;
            if (key == "S" && value is NameToken action && ActiveActions.Contains(action.Data)) return "/" + action.Data;
            if (key == "Type" && value is NameToken type && type.Data == "EmbeddedFile") return "/EmbeddedFile";
            if (Active(value, seen, depth + 1) is { } found) return found;
        }
        return null;
    }
}
