// LDAP injection as data flow: request data reaching directory searches.
using System.DirectoryServices;
using System.DirectoryServices.Protocols;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Security.Application;

namespace Intranet.Web.Controllers;

public class DirectoryController : Controller
{
    private readonly DirectoryEntry _root;
    private readonly LdapConnection _ldap;

    // An action parameter in a filter string.
    public IActionResult Find(string user)
    {
        var filter = "(&(objectClass=user)(sAMAccountName=" + user + "))";
        // ruleid: CS-LDAP-INJECTION
        using var searcher = new DirectorySearcher(_root, filter);
        var escaped = "(&(objectClass=user)(sAMAccountName=" + Encoder.LdapFilterEncode(user) + "))";
        // ok: CS-LDAP-INJECTION
        using var safe = new DirectorySearcher(_root, escaped);
        return Ok();
    }

    // A query value assigned to Filter through a helper.
    public IActionResult Group()
    {
        var group = Request.Query["group"].ToString();
        var searcher = new DirectorySearcher(_root);
        // ruleid: CS-LDAP-INJECTION
        searcher.Filter = GroupFilter(group);
        // ok: CS-LDAP-INJECTION
        searcher.Filter = GroupFilter("Administrators");
        return Ok();
    }

    private static string GroupFilter(string cn) => $"(&(objectClass=group)(cn={cn}))";

    // System.DirectoryServices.Protocols; a variable overwritten by a constant.
    [HttpPost]
    public IActionResult Mail([FromForm] string mail)
    {
        // ruleid: CS-LDAP-INJECTION
        var request = new SearchRequest("dc=example,dc=com", $"(mail={mail})", SearchScope.Subtree);
        mail = "postmaster@example.com";
        // ok: CS-LDAP-INJECTION
        var fixedRequest = new SearchRequest("dc=example,dc=com", $"(mail={mail})", SearchScope.Subtree);
        return Ok();
    }
}
