resource "aws_db_instance" "db" {
# ruleid: ISO27001-TF-OPEN
    cidr_blocks = ["0.0.0.0/0"]
# ok: ISO27001-TF-OPEN
    cidr_blocks = ["10.20.0.0/16"]
# ruleid: ISO27001-TF-UNENCRYPTED
  storage_encrypted = false
# ok: ISO27001-TF-UNENCRYPTED
  storage_encrypted = true
# ruleid: ISO27001-TF-LOGGING-OFF
  enable_logging = false
# ok: ISO27001-TF-LOGGING-OFF
  enable_logging = true
