// GO-SQL-CONCAT: request data reaching the SQL text of a query (data-flow rule).
package handlers

import (
	"database/sql"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/gorilla/mux"
)

type Server struct{ db *sql.DB }

func byName(name string) string {
	return "SELECT id, email FROM users WHERE name = '" + name + "'"
}

func allUsers(name string) string {
	return "SELECT id, email FROM users ORDER BY id"
}

func (s *Server) searchUsers(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	// ruleid: GO-SQL-CONCAT
	rows, err := s.db.Query(byName(name))
	// ok: GO-SQL-CONCAT
	rows, err = s.db.Query(allUsers(name))
	// ok: GO-SQL-CONCAT
	rows, err = s.db.Query("SELECT id, email FROM users WHERE name = $1", name)
	_, _ = rows, err
}

func (s *Server) deleteUser(w http.ResponseWriter, r *http.Request) {
	id := mux.Vars(r)["id"]
	query := fmt.Sprintf("DELETE FROM users WHERE id = %s", id)
	// ruleid: GO-SQL-CONCAT
	_, err := s.db.ExecContext(r.Context(), query)
	if err != nil {
		http.Error(w, "delete failed", http.StatusInternalServerError)
	}
	// ruleid: GO-SQL-CONCAT
	if _, err := s.db.ExecContext(r.Context(), query); err != nil {
		http.Error(w, "delete failed", http.StatusInternalServerError)
	}
	n, err := strconv.Atoi(mux.Vars(r)["id"])
	if err != nil {
		return
	}
	// ok: GO-SQL-CONCAT
	s.db.ExecContext(r.Context(), fmt.Sprintf("DELETE FROM users WHERE id = %d", n))
}

func (s *Server) report(w http.ResponseWriter, r *http.Request) {
	sqlText := "SELECT * FROM orders WHERE 1 = 1"
	status := r.FormValue("status")
	if status != "" {
		sqlText += " AND status = '" + status + "'"
	}
	// ruleid: GO-SQL-CONCAT
	stmt, err := s.db.Prepare(sqlText)
	_, _ = stmt, err
	// What is written into a builder is in its String().
	var b strings.Builder
	b.WriteString("SELECT * FROM orders WHERE status = '")
	b.WriteString(status)
	b.WriteString("'")
	// ruleid: GO-SQL-CONCAT
	stmt, err = s.db.Prepare(b.String())
	order := r.FormValue("order")
	order = "created_at"
	// ok: GO-SQL-CONCAT
	s.db.QueryRow("SELECT * FROM orders ORDER BY " + order)
	filters := map[string]string{}
	filters["fixed"] = "region = 'EU'"
	filters["user"] = "owner = '" + r.FormValue("owner") + "'"
	// ok: GO-SQL-CONCAT
	s.db.QueryRow("SELECT * FROM orders WHERE " + filters["fixed"])
	// ruleid: GO-SQL-CONCAT
	s.db.QueryRow("SELECT * FROM orders WHERE " + filters["user"])
}

func (s *Server) ginProducts(c *gin.Context) {
	category := c.Query("category")
	sqlText := "SELECT * FROM products WHERE category = '" + category + "'"
	// ruleid: GO-SQL-CONCAT
	rows, err := s.db.QueryContext(c, sqlText)
	// `num := 106` is a constant, so `if (7*18)+num > 200` always takes its first branch.
	num := 106
	var safe string
	if 7*18+num > 200 {
		safe = "SELECT * FROM products"
	} else {
		safe = sqlText
	}
	// ok: GO-SQL-CONCAT
	rows, err = s.db.QueryContext(c, safe)
	_, _ = rows, err
}

func (s *Server) batch(w http.ResponseWriter, r *http.Request) {
	prefix := r.FormValue("prefix")
	// A function literal sees the variables it captures.
	run := func(suffix string) {
		// ruleid: GO-SQL-CONCAT
		s.db.Exec("DELETE FROM t WHERE k = '" + prefix + suffix + "'")
	}
	run("a")
}
