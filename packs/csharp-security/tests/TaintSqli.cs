// SQL injection as data flow: request data reaching ADO.NET, EF Core and Dapper.
using System;
using System.Data.SqlClient;
using System.Text;
using Dapper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Shop.Web.Controllers;

[ApiController]
[Route("api/[controller]")]
public class CustomersController : ControllerBase
{
    private readonly SqlConnection _conn;
    private readonly ShopContext _db;

    // A query value, through a local and a concatenation, into a SqlCommand.
    [HttpGet("search")]
    public IActionResult Search()
    {
        string name = Request.Query["name"];
        string sql = "SELECT * FROM Customers WHERE Name = '" + name + "'";
        // ruleid: CS-SQL-CONCAT
        using var cmd = new SqlCommand(sql, _conn);
        // ok: CS-SQL-CONCAT
        using var safe = new SqlCommand("SELECT * FROM Customers WHERE Name = @name", _conn);
        safe.Parameters.AddWithValue("@name", name);
        return Ok();
    }

    // [FromQuery] parameter, StringBuilder, CommandText.
    [HttpGet("sorted")]
    public IActionResult Sorted([FromQuery] string order)
    {
        var sb = new StringBuilder("SELECT * FROM Customers ORDER BY ");
        sb.Append(order);
        var cmd = _conn.CreateCommand();
        // ruleid: CS-SQL-CONCAT
        cmd.CommandText = sb.ToString();
        var fixedSb = new StringBuilder("SELECT * FROM Customers ORDER BY ");
        fixedSb.Append("Name");
        // ok: CS-SQL-CONCAT
        cmd.CommandText = fixedSb.ToString();
        return Ok();
    }

    // A form field through a helper method of the same class.
    [HttpPost("delete")]
    public IActionResult Delete()
    {
        var customer = HttpContext.Request.Form["customer"].ToString();
        // ruleid: CS-SQL-CONCAT
        _db.Database.ExecuteSqlRaw(DeleteSql(customer));
        // ok: CS-SQL-CONCAT
        _db.Database.ExecuteSqlRaw(DeleteSql("guest"));
        return Ok();
    }

    private static string DeleteSql(string who) => $"DELETE FROM Customers WHERE Name = '{who}'";

    // A route value parsed as a number is clean.
    [HttpGet("{id}")]
    public IActionResult Get([FromRoute] string id)
    {
        // ruleid: CS-SQL-CONCAT
        var rows = _conn.Query<Customer>("SELECT * FROM Customers WHERE Id = " + id);
        int numeric = int.Parse(id);
        // ok: CS-SQL-CONCAT
        var byNumber = _conn.Query<Customer>("SELECT * FROM Customers WHERE Id = " + numeric);
        return Ok(rows);
    }

    // A cookie overwritten by a constant before use.
    [HttpGet("region")]
    public IActionResult Region()
    {
        var region = Request.Cookies["region"];
        var query = $"SELECT * FROM Stores WHERE Region = '{region}'";
        // ruleid: CS-SQL-CONCAT
        var stores = _db.Stores.FromSqlRaw(query).ToList();
        query = "SELECT * FROM Stores WHERE Region = 'EU'";
        // ok: CS-SQL-CONCAT
        var euStores = _db.Stores.FromSqlRaw(query).ToList();
        return Ok(stores);
    }

    // A dead branch (the condition is a compile-time constant) and a live one.
    [HttpGet("report")]
    public IActionResult Report([FromHeader(Name = "X-Tenant")] string tenant)
    {
        int num = 106;
        string table = "Orders";
        if ((7 * 18) + num > 200)
        {
            table = "Orders";
        }
        else
        {
            table = tenant;
        }
        // ok: CS-SQL-CONCAT
        var count = _conn.ExecuteScalar<int>("SELECT COUNT(*) FROM " + table);
        string other = num > 200 ? "Orders" : tenant;
        // ruleid: CS-SQL-CONCAT
        var total = _conn.ExecuteScalar<int>("SELECT COUNT(*) FROM " + other);
        return Ok(count + total);
    }

    // The request body, read through a StreamReader, as the whole statement.
    [HttpPost("batch")]
    public async Task<IActionResult> Batch()
    {
        using var reader = new StreamReader(Request.Body);
        var script = await reader.ReadToEndAsync();
        // ruleid: CS-SQL-CONCAT
        await _conn.ExecuteAsync(script);
        // ok: CS-SQL-CONCAT
        await _conn.ExecuteAsync("DELETE FROM Staging");
        return Ok();
    }
}

// A Razor page model: the handler's string parameter is bound from the request.
public class ProductsModel : PageModel
{
    private readonly NpgsqlConnection _pg;

    public void OnGet(string category, int page)
    {
        // ruleid: CS-SQL-CONCAT
        var cmd = new NpgsqlCommand(string.Format("SELECT * FROM products WHERE category = '{0}'", category), _pg);
        // ok: CS-SQL-CONCAT
        var paged = new NpgsqlCommand("SELECT * FROM products OFFSET " + (page * 20), _pg);
    }
}

// A service: its parameters are not request data.
public class CustomerRepository
{
    private readonly SqlConnection _conn;

    public void Rename(string name)
    {
        // ok: CS-SQL-CONCAT
        var cmd = new SqlCommand("UPDATE Customers SET Name = '" + name + "'", _conn);
        // A map slot with a string key is told apart from the others.
        var m = new Dictionary<string, string>();
        m["a"] = Request.Query["a"];
        m["b"] = "x";
        // ok: CS-SQL-CONCAT
        new SqlCommand(m["b"], _conn);
        // ruleid: CS-SQL-CONCAT
        new SqlCommand(m["a"], _conn);
    }
}

// Engine gaps, kept out of the annotations (see the pack's report):
// - a null-conditional receiver is not matched as a source, so this flow is missed:
//     var q = HttpContext?.Request.Query["q"].ToString();
//     new SqlCommand("SELECT " + q, conn);
// - an `out` argument is not written, so this flow is missed:
//     Request.Query.TryGetValue("id", out var id);
//     new SqlCommand("SELECT " + id, conn);
