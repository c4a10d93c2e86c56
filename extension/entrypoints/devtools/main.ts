// The devtools page only registers the panel; the panel is its own page with the app in it.
browser.devtools.panels.create('Kafka', '/icon/32.png', '/panel.html');
