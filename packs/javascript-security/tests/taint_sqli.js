// JS-SQL-INJECTION: request data reaching the SQL text of a query (data-flow rule).
const express = require("express");
const mysql = require("mysql2");
const knex = require("knex")({ client: "pg" });
const { Sequelize } = require("sequelize");

const app = express();
const db = mysql.createConnection({ host: "localhost", user: "app" });
const sequelize = new Sequelize("postgres://localhost/app");

function byName(name) {
  return "SELECT * FROM users WHERE name = '" + name + "'";
}

function fixedQuery(name) {
  return "SELECT * FROM users ORDER BY id";
}

function currentUserId(req) {
  return req.params.id;
}

app.get("/users", (req, res) => {
  const name = req.query.name;
  const sql = `SELECT * FROM users WHERE name = '${name}'`;
  // ruleid: JS-SQL-INJECTION
  db.query(sql, (err, rows) => res.json(rows));
  // ok: JS-SQL-INJECTION
  db.query("SELECT * FROM users WHERE name = ?", [name], (err, rows) => res.json(rows));
});

app.get("/users/search", (req, res) => {
  const { term, order } = req.query;
  let sql = "SELECT * FROM users WHERE 1 = 1";
  sql += " AND name LIKE '%" + term + "%'";
  // ruleid: JS-SQL-INJECTION
  db.execute(sql);
  let safe = "SELECT * FROM users";
  safe += " ORDER BY id";
  // ok: JS-SQL-INJECTION
  db.execute(safe, [order]);
});

app.post("/users/by-name", (req, res) => {
  // ruleid: JS-SQL-INJECTION
  db.query(byName(req.body.name));
  // ok: JS-SQL-INJECTION
  db.query(fixedQuery(req.body.name));
});

app.get("/users/:id", async (req, res) => {
  const id = currentUserId(req);
  // ruleid: JS-SQL-INJECTION
  const rows = await knex.raw("SELECT * FROM users WHERE id = " + id);
  // ok: JS-SQL-INJECTION
  const same = await knex.raw("SELECT * FROM users WHERE id = ?", [id]);
  const n = parseInt(req.params.id, 10);
  // ok: JS-SQL-INJECTION
  const again = await knex.raw("SELECT * FROM users WHERE id = " + n);
  res.json([rows, same, again]);
});

app.get("/orders", async (req, res) => {
  let column = req.query.sort;
  column = "created_at";
  // ok: JS-SQL-INJECTION
  const a = await knex("orders").orderByRaw(column);
  const status = req.query.status;
  // ruleid: JS-SQL-INJECTION
  const b = await knex("orders").whereRaw(`status = '${status}'`);
  res.json([a, b]);
});

app.get("/reports", async (req, res) => {
  const filters = {};
  filters.safe = "region = 'EU'";
  filters.user = "owner = '" + req.query.owner + "'";
  // ok: JS-SQL-INJECTION
  const a = await sequelize.query("SELECT * FROM reports WHERE " + filters.safe);
  // ruleid: JS-SQL-INJECTION
  const b = await sequelize.query("SELECT * FROM reports WHERE " + filters.user);
  const parts = ["year = 2024", req.query.clause];
  // ok: JS-SQL-INJECTION
  const c = await sequelize.query("SELECT * FROM reports WHERE " + parts[0]);
  // ruleid: JS-SQL-INJECTION
  const d = await sequelize.query("SELECT * FROM reports WHERE " + parts[1]);
  res.json([a, b, c, d]);
});

app.get("/audit", (req, res) => {
  const num = 106;
  const where = (7 * 18) + num > 200 ? "1 = 1" : req.query.where;
  // ok: JS-SQL-INJECTION
  db.query("SELECT * FROM audit WHERE " + where);
  const other = (7 * 18) + num < 200 ? "1 = 1" : req.query.where;
  // ruleid: JS-SQL-INJECTION
  db.query("SELECT * FROM audit WHERE " + other);
  let extra = "";
  if (1 > 2) {
    extra = req.query.extra;
  }
  // ok: JS-SQL-INJECTION
  db.query("SELECT * FROM audit" + extra);
  const escaped = mysql.escape(req.query.user);
  // ok: JS-SQL-INJECTION
  db.query("SELECT * FROM audit WHERE user = " + escaped);
});

app.get("/batch", (req, res) => {
  const prefix = req.query.prefix;
  // A callback sees the variables it captures.
  ["a", "b"].forEach((suffix) => {
    // ruleid: JS-SQL-INJECTION
    db.query("SELECT * FROM t WHERE k = '" + prefix + suffix + "'");
  });
  res.end();
});
