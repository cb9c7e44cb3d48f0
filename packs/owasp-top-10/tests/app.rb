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
class FilesController < ApplicationController
  # ruleid: OWASP-A01-RB-SEND-FILE
  send_file(File.join(STORAGE, params[:name]))
  # ruleid: OWASP-A01-RB-SEND-FILE
  send_file "#{STORAGE}/#{params[:name]}", disposition: "inline"
  # ok: OWASP-A01-RB-SEND-FILE
  send_file "docs/params[1].pdf"
  # ok: OWASP-A01-RB-SEND-FILE
  def send_file(path, params = {}); end
  # ok: OWASP-A01-RB-SEND-FILE
  note = "send_file params[:path]"
  # ok: OWASP-A01-RB-SEND-FILE
  # send_file params[:path]

  # ruleid: OWASP-A01-RB-OPEN-REDIRECT
  redirect_to(params.fetch(:next))
  # ok: OWASP-A01-RB-OPEN-REDIRECT
  redirect_to params[:return_to], allow_other_host: false
  # ok: OWASP-A01-RB-OPEN-REDIRECT
  msg = "redirect_to params[:return_to]"
  # ok: OWASP-A01-RB-OPEN-REDIRECT
  # redirect_to params[:return_to]

  # ruleid: OWASP-A01-RB-MASS-ASSIGNMENT
  @user.update(params.require(:user).permit!)
  # ok: OWASP-A01-RB-MASS-ASSIGNMENT
  settings.permit!
  # ok: OWASP-A01-RB-MASS-ASSIGNMENT
  msg = "params.permit!"
  # ok: OWASP-A01-RB-MASS-ASSIGNMENT
  # User.update(params.permit!)

  # ruleid: OWASP-A02-RB-WEAK-HASH
  sig = OpenSSL::Digest::SHA1.new
  # ruleid: OWASP-A02-RB-WEAK-HASH
  sig = OpenSSL::Digest.new("MD5")
  # ok: OWASP-A02-RB-WEAK-HASH
  sig = OpenSSL::Digest.new("SHA256")
  # ok: OWASP-A02-RB-WEAK-HASH
  sig = MyDigest::MD5.hexdigest(data)
  # ok: OWASP-A02-RB-WEAK-HASH
  msg = "Digest::MD5 is broken"
  # ok: OWASP-A02-RB-WEAK-HASH
  # Digest::MD5.hexdigest(password)

  # ruleid: OWASP-A02-RB-SSL-VERIFY-NONE
  conn = Faraday.new(url, ssl: { verify_mode: OpenSSL::SSL::VERIFY_NONE })
  # ruleid: OWASP-A02-RB-SSL-VERIFY-NONE
  RestClient::Request.execute(method: :get, url: url, verify_ssl: false)
  # ruleid: OWASP-A02-RB-SSL-VERIFY-NONE
  HTTParty.get(url, ssl_verify_mode: :none)
  # ok: OWASP-A02-RB-SSL-VERIFY-NONE
  RestClient::Request.execute(method: :get, url: url, verify_ssl: true)
  # ok: OWASP-A02-RB-SSL-VERIFY-NONE
  warn "insecure" if http.verify_mode == OpenSSL::SSL::VERIFY_NONE
  # ok: OWASP-A02-RB-SSL-VERIFY-NONE
  msg = "OpenSSL::SSL::VERIFY_NONE"
  # ok: OWASP-A02-RB-SSL-VERIFY-NONE
  # http.verify_mode = OpenSSL::SSL::VERIFY_NONE

  # ruleid: OWASP-A03-RB-SQL-INTERPOLATION
  rows = Post.order("#{params[:sort]} DESC")
  # ruleid: OWASP-A03-RB-SQL-INTERPOLATION
  ActiveRecord::Base.connection.execute("DELETE FROM posts WHERE id = #{id}")
  # ok: OWASP-A03-RB-SQL-INTERPOLATION
  User.where("name = ?", params[:name])
  # ok: OWASP-A03-RB-SQL-INTERPOLATION
  User.where("active = true")
  # ok: OWASP-A03-RB-SQL-INTERPOLATION
  msg = "User.where(\"name = '#{name}'\")"
  # ok: OWASP-A03-RB-SQL-INTERPOLATION
  # User.where("name = '#{params[:name]}'")

  # ruleid: OWASP-A03-RB-EVAL
  instance_eval code
  # ruleid: OWASP-A03-RB-EVAL
  @target.public_send(params[:method])
  # ruleid: OWASP-A03-RB-EVAL
  klass = params[:type].constantize
  # ok: OWASP-A03-RB-EVAL
  eval("1 + 1")
  # ok: OWASP-A03-RB-EVAL
  config.instance_eval do
    self.x = 1
  end
  # ok: OWASP-A03-RB-EVAL
  def eval(expr); end
  # ok: OWASP-A03-RB-EVAL
  msg = "eval(params[:code])"
  # ok: OWASP-A03-RB-EVAL
  # eval(params[:code])

  # ruleid: OWASP-A03-RB-COMMAND-INTERPOLATION
  out = `git ls-remote #{repo_url} main`
  # ruleid: OWASP-A03-RB-COMMAND-INTERPOLATION
  system({"NODE_ENV" => "production"}, "node #{script}")
  # ruleid: OWASP-A03-RB-COMMAND-INTERPOLATION
  stdout, status = Open3.capture2("convert #{params[:file]} out.png")
  # ruleid: OWASP-A03-RB-COMMAND-INTERPOLATION
  IO.popen("ls #{dir}") { |io| io.read }
  # ruleid: OWASP-A03-RB-COMMAND-INTERPOLATION
  list = %x(find #{path} -type f)
  # ok: OWASP-A03-RB-COMMAND-INTERPOLATION
  Pod::UI.puts "Auto-linking #{count} modules for target `#{target.name}`"
  # ok: OWASP-A03-RB-COMMAND-INTERPOLATION
  Pod::UI.warn "Please run `pod update #{pods.join(" ")}` manually"
  # ok: OWASP-A03-RB-COMMAND-INTERPOLATION
  db.exec("SELECT * FROM t WHERE id = #{id}")
  # ok: OWASP-A03-RB-COMMAND-INTERPOLATION
  out = `git rev-parse HEAD`
  # ok: OWASP-A03-RB-COMMAND-INTERPOLATION
  system("make", "install", "PREFIX=#{prefix}")
  # ok: OWASP-A03-RB-COMMAND-INTERPOLATION
  # system("tar xf #{params[:file]}")
  # ok: OWASP-A03-RB-COMMAND-INTERPOLATION
  help = <<~TEXT
    Run `bundle exec #{cmd}` to start.
  TEXT

  # ruleid: OWASP-A04-RB-REGEX-LINE-ANCHORS
  validates_format_of :email, with: /^[^@]+@[^@]+$/
  # ruleid: OWASP-A04-RB-REGEX-LINE-ANCHORS
  validates :zip, format: { with: %r{^\d{5}$} }
  # ok: OWASP-A04-RB-REGEX-LINE-ANCHORS
  lines = text.scan(/^\s*#/)
  # ok: OWASP-A04-RB-REGEX-LINE-ANCHORS
  msg = "format: { with: /^x$/ }"
  # ok: OWASP-A04-RB-REGEX-LINE-ANCHORS
  # validates :slug, format: { with: /^[a-z-]+$/ }

  # ruleid: OWASP-A05-RB-CSRF-SKIPPED
  skip_before_action(:verify_authenticity_token, only: [:webhook])
  # ruleid: OWASP-A05-RB-CSRF-SKIPPED
  protect_from_forgery with: :null_session
  # ruleid: OWASP-A05-RB-CSRF-SKIPPED
  skip_forgery_protection
  # ok: OWASP-A05-RB-CSRF-SKIPPED
  skip_before_action :authenticate_user!
  # ok: OWASP-A05-RB-CSRF-SKIPPED
  msg = "skip_before_action :verify_authenticity_token"
  # ok: OWASP-A05-RB-CSRF-SKIPPED
  # skip_before_action :verify_authenticity_token

  # ruleid: OWASP-A07-RB-JWT-NO-VERIFY
  payload, header = ::JWT.decode(token, secret, false)
  # ok: OWASP-A07-RB-JWT-NO-VERIFY
  payload = TokenCodec.decode(token, nil, false)
  # ok: OWASP-A07-RB-JWT-NO-VERIFY
  msg = "JWT.decode(token, nil, false)"
  # ok: OWASP-A07-RB-JWT-NO-VERIFY
  # JWT.decode(token, nil, false)

  # ruleid: OWASP-A07-RB-SHORT-PASSWORD
  devise :database_authenticatable, :validatable, password_length: 4..64
  # ok: OWASP-A07-RB-SHORT-PASSWORD
  config.timeout_in = 1..30
  # ok: OWASP-A07-RB-SHORT-PASSWORD
  msg = "config.password_length = 6..128"
  # ok: OWASP-A07-RB-SHORT-PASSWORD
  # config.password_length = 6..128

  # ruleid: OWASP-A08-RB-MARSHAL-LOAD
  session_data = Marshal.restore Base64.decode64(blob)
  # ok: OWASP-A08-RB-MARSHAL-LOAD
  copy = Marshal.load(Marshal.dump(template))
  # ok: OWASP-A08-RB-MARSHAL-LOAD
  blob = Marshal.dump(obj)
  # ok: OWASP-A08-RB-MARSHAL-LOAD
  msg = "Marshal.load(cookies[:cart])"
  # ok: OWASP-A08-RB-MARSHAL-LOAD
  # Marshal.load(cookies[:cart])

  # ruleid: OWASP-A08-RB-YAML-UNSAFE
  docs = Psych.unsafe_load(upload.read)
  # ruleid: OWASP-A08-RB-YAML-UNSAFE
  settings = YAML.load File.read(path)
  # ok: OWASP-A08-RB-YAML-UNSAFE
  settings = YAML.load_file("config/app.yml")
  # ok: OWASP-A08-RB-YAML-UNSAFE
  settings = Loader.load(path)
  # ok: OWASP-A08-RB-YAML-UNSAFE
  msg = "YAML.load(request.body.read)"
  # ok: OWASP-A08-RB-YAML-UNSAFE
  # YAML.load(request.body.read)

  # ruleid: OWASP-A10-RB-OPEN-URI
  res = Net::HTTP.get_response(URI.parse(params[:callback]))
  # ruleid: OWASP-A10-RB-OPEN-URI
  data = open(params[:feed]).read
  # ruleid: OWASP-A10-RB-OPEN-URI
  res = HTTParty.get(params[:url])
  # ok: OWASP-A10-RB-OPEN-URI
  res = HTTParty.get(FEED_URL, query: { q: params[:q] })
  # ok: OWASP-A10-RB-OPEN-URI
  def open(url); end
  # ok: OWASP-A10-RB-OPEN-URI
  msg = "URI.open(params[:url])"
  # ok: OWASP-A10-RB-OPEN-URI
  # URI.open(params[:url])
end
