# Fixture (rb): annotated lines must fire or stay quiet as marked.
# ruleid: EUAI-SWALLOW-RUBY
sync rescue nil
# ruleid: EUAI-SWALLOW-RUBY
rescue StandardError
end
# ok: EUAI-SWALLOW-RUBY
rescue StandardError => e
  logger.error(e)
