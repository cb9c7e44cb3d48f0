using System;
using System.Data.SqlClient;
using System.Diagnostics;
using Dapper;
using Microsoft.EntityFrameworkCore;

namespace Shop.Data;

// The action's string parameters are bound from the request (sources); `id` is an int,
// which cannot carry SQL.
public class OrdersController : Controller
{
    private const string TABLE = "orders";
    private readonly SqlConnection conn;
    private readonly ShopContext ctx;

    public void Queries(string name, int id, string sort)
    {
        // ruleid: CS-SQL-CONCAT
        var byName = new SqlCommand($"SELECT * FROM Users WHERE Name = '{name}'", conn);
        // ruleid: CS-SQL-CONCAT
        var qualified = new System.Data.SqlClient.SqlCommand("DELETE FROM Orders WHERE Customer = '" + name + "'", conn);
        // ok: CS-SQL-CONCAT
        var byId = new System.Data.SqlClient.SqlCommand("DELETE FROM Orders WHERE Id = " + id, conn);
        // ruleid: CS-SQL-CONCAT
        var formatted = new NpgsqlCommand(string.Format("SELECT * FROM orders ORDER BY {0}", sort), conn);
        // ruleid: CS-SQL-CONCAT
        var adapter = new SqlDataAdapter("SELECT * FROM Orders WHERE Customer = '" + name + "'", conn);
        // ruleid: CS-SQL-CONCAT
        var users = ctx.Users.FromSqlRaw($"SELECT * FROM Users WHERE Name = '{name}'").ToList();
        // ruleid: CS-SQL-CONCAT
        ctx.Database.ExecuteSqlRaw("UPDATE Users SET Active = 0 WHERE Name = '" + name + "'");
        // ruleid: CS-SQL-CONCAT
        var orders = conn.Query<Order>($"SELECT * FROM Orders WHERE Customer = '{name}'");
        // ok: CS-SQL-CONCAT
        var ordersById = conn.Query<Order>($"SELECT * FROM Orders WHERE Id = {id}");
        // ruleid: CS-SQL-CONCAT
        conn.Execute("DELETE FROM Orders WHERE Customer = '" + name + "'");
        var cmd = conn.CreateCommand();
        // ruleid: CS-SQL-CONCAT
        cmd.CommandText = "SELECT * FROM Orders ORDER BY " + sort;
        // ruleid: CS-SQL-CONCAT
        var built = new SqlCommand { CommandText = $"SELECT * FROM Orders WHERE Customer = '{name}'", Connection = conn };

        // ok: CS-SQL-CONCAT
        var param = new SqlCommand("SELECT * FROM Users WHERE Name = @name", conn);
        // ok: CS-SQL-CONCAT
        var constants = new SqlCommand("SELECT * FROM " + TABLE + " WHERE Id = @id", conn);
        // ok: CS-SQL-CONCAT
        var noHoles = new SqlCommand($"SELECT COUNT(*) FROM Orders", conn);
        // ok: CS-SQL-CONCAT
        var safe = ctx.Users.FromSql($"SELECT * FROM Users WHERE Name = {name}").ToList();
        // ok: CS-SQL-CONCAT
        var interp = ctx.Users.FromSqlInterpolated($"SELECT * FROM Users WHERE Name = {name}").ToList();
        // ok: CS-SQL-CONCAT
        var dapper = conn.Query<Order>("SELECT * FROM Orders WHERE Id = @id", new { id });
        // ok: CS-SQL-CONCAT
        var notSql = list.Execute("step " + id);
        // ok: CS-SQL-CONCAT
        var doc = "never write new SqlCommand(\"SELECT \" + name)";
        // ok: CS-SQL-CONCAT
        // ctx.Database.ExecuteSqlRaw("DELETE FROM Users WHERE Name = '" + name + "'");
        // ok: CS-SQL-CONCAT
        cmd.CommandText = "SELECT * FROM Orders WHERE Id = @id";
        // ok: CS-SQL-CONCAT
        var viaHelper = new SqlCommand(SqlText.For("orders", id + 1), conn);
        // ok: CS-SQL-CONCAT
        var escaped = new SqlCommand($"SELECT '{{json}}' AS Template", conn);
        // ruleid: CS-SQL-CONCAT
        var concat = new SqliteCommand(string.Concat("SELECT * FROM Orders WHERE Customer = '", name, "'"), conn);
        // ruleid: CS-SQL-CONCAT
        var noHolePlus = new MySqlCommand($"SELECT * FROM Orders WHERE Name = " + name, conn);
        // ruleid: CS-SQL-CONCAT
        ctx.Database.ExecuteSqlRaw(baseSql + " WHERE Name = '" + name + "'");
    }

    // ok: CS-SQL-CONCAT
    public int ExecuteSqlRaw(string sql, params object[] args) => 0;
}

public class ProcessRunner
{
    public void Processes(string path, string host)
    {
        // ruleid: CS-PROCESS-START
        Process.Start("/bin/bash", "-c \"ls " + path + "\"");
        // ruleid: CS-PROCESS-START
        System.Diagnostics.Process.Start("powershell.exe", script);
        // ruleid: CS-PROCESS-START
        Process.Start("git", $"clone {path}");
        // ruleid: CS-PROCESS-START
        var shell = new ProcessStartInfo("cmd.exe", "/c ping " + host);
        // ruleid: CS-PROCESS-START
        var viaInit = new ProcessStartInfo { FileName = "ping", Arguments = "-n 1 " + host };
        var psi = new ProcessStartInfo("ping");
        // ruleid: CS-PROCESS-START
        psi.Arguments = $"-c 1 {host}";

        // ok: CS-PROCESS-START
        Process.Start("notepad.exe");
        // ok: CS-PROCESS-START
        Process.Start(psi);
        // ok: CS-PROCESS-START
        psi.Arguments = "--version";
        // ok: CS-PROCESS-START
        psi.ArgumentList.Add(host);
        // ok: CS-PROCESS-START
        var hint = "Process.Start(\"cmd.exe\", \"/c \" + x) is forbidden";
        // ok: CS-PROCESS-START
        // Process.Start("cmd.exe", "/c del " + path);
        // ok: CS-PROCESS-START
        timer.Start("job " + id);
        // ok: CS-PROCESS-START
        Process.Start($"notepad.exe");
        // ok: CS-PROCESS-START
        Process.Start(Tools.Resolve(path + ".exe"));
        // ruleid: CS-PROCESS-START
        Process.Start("explorer.exe", "\"" + path + "\"");
    }

    // ok: CS-PROCESS-START
    public static void Start(string file, string args) { }
}
