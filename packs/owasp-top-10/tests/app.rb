# ruleid: OWASP-A01-RB-SEND-FILE
send_file params[:path]
# ok: OWASP-A01-RB-SEND-FILE
send_file Rails.root.join("public", "report.pdf")
# ruleid: OWASP-A01-RB-OPEN-REDIRECT
redirect_to params[:return_to]
# ok: OWASP-A01-RB-OPEN-REDIRECT
redirect_to root_path
# ruleid: OWASP-A01-RB-MASS-ASSIGNMENT
User.update(params.permit!)
# ok: OWASP-A01-RB-MASS-ASSIGNMENT
User.update(params.require(:user).permit(:name, :email))
# ruleid: OWASP-A02-RB-WEAK-HASH
digest = Digest::MD5.hexdigest(password)
# ok: OWASP-A02-RB-WEAK-HASH
digest = Digest::SHA256.hexdigest(data)
# ruleid: OWASP-A02-RB-SSL-VERIFY-NONE
http.verify_mode = OpenSSL::SSL::VERIFY_NONE
# ok: OWASP-A02-RB-SSL-VERIFY-NONE
http.verify_mode = OpenSSL::SSL::VERIFY_PEER
# ruleid: OWASP-A03-RB-SQL-INTERPOLATION
User.where("name = '#{params[:name]}'")
# ok: OWASP-A03-RB-SQL-INTERPOLATION
User.where(name: params[:name])
# ruleid: OWASP-A03-RB-EVAL
eval(params[:code])
# ok: OWASP-A03-RB-EVAL
Calculator.new.evaluate(params[:code])
# ruleid: OWASP-A03-RB-COMMAND-INTERPOLATION
system("tar xf #{params[:file]}")
# ok: OWASP-A03-RB-COMMAND-INTERPOLATION
system("tar", "xf", params[:file])
# ruleid: OWASP-A04-RB-REGEX-LINE-ANCHORS
validates :slug, format: { with: /^[a-z-]+$/ }
# ok: OWASP-A04-RB-REGEX-LINE-ANCHORS
validates :slug, format: { with: /\A[a-z-]+\z/ }
# ruleid: OWASP-A05-RB-CSRF-SKIPPED
skip_before_action :verify_authenticity_token
# ok: OWASP-A05-RB-CSRF-SKIPPED
protect_from_forgery with: :exception
# ruleid: OWASP-A07-RB-JWT-NO-VERIFY
payload = JWT.decode(token, nil, false)
# ok: OWASP-A07-RB-JWT-NO-VERIFY
payload = JWT.decode(token, key, true, algorithm: "HS256")
# ruleid: OWASP-A07-RB-SHORT-PASSWORD
config.password_length = 6..128
# ok: OWASP-A07-RB-SHORT-PASSWORD
config.password_length = 12..128
# ruleid: OWASP-A08-RB-MARSHAL-LOAD
obj = Marshal.load(cookies[:cart])
# ok: OWASP-A08-RB-MARSHAL-LOAD
obj = JSON.parse(cookies[:cart])
# ruleid: OWASP-A08-RB-YAML-UNSAFE
config = YAML.load(request.body.read)
# ok: OWASP-A08-RB-YAML-UNSAFE
config = YAML.safe_load(request.body.read)
# ruleid: OWASP-A10-RB-OPEN-URI
body = URI.open(params[:url]).read
# ok: OWASP-A10-RB-OPEN-URI
body = URI.open(FEED_URL).read
