// XPath injection as data flow: request data reaching XPath expressions.
using System.Xml;
using System.Xml.Linq;
using System.Xml.XPath;
using Microsoft.AspNetCore.Mvc;

namespace Catalog.Web.Controllers;

public class CatalogController : Controller
{
    private readonly XmlDocument _doc;
    private readonly XDocument _xdoc;

    // A login check against an XML user store.
    [HttpPost]
    public IActionResult Login([FromForm] string user, [FromForm] string password)
    {
        var expr = "//user[name='" + user + "' and password='" + password + "']";
        // ruleid: CS-XPATH-INJECTION
        var node = _doc.SelectSingleNode(expr);
        // ok: CS-XPATH-INJECTION
        var admin = _doc.SelectSingleNode("//user[name='admin']");
        return Ok(node != null);
    }

    // A query value through a helper, with LINQ to XML.
    public IActionResult Category()
    {
        var category = Request.Query["category"].ToString();
        // ruleid: CS-XPATH-INJECTION
        var items = _xdoc.XPathSelectElements(ByCategory(category));
        // ok: CS-XPATH-INJECTION
        var books = _xdoc.XPathSelectElements(ByCategory("books"));
        return Ok(items);
    }

    private static string ByCategory(string c) => $"/catalog/item[@category='{c}']";

    // A number parsed from the request is clean; the raw value is not.
    public IActionResult Page(string page)
    {
        // ruleid: CS-XPATH-INJECTION
        var raw = _doc.SelectNodes("/catalog/item[position() = " + page + "]");
        var n = int.Parse(page);
        // ok: CS-XPATH-INJECTION
        var nth = _doc.SelectNodes("/catalog/item[position() = " + n + "]");
        // ruleid: CS-XPATH-INJECTION
        var compiled = XPathExpression.Compile("count(/catalog/item[@page=" + page + "])");
        return Ok();
    }
}
