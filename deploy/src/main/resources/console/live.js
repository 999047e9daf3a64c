// Server-sent events say which frame of a camera is the newest with its identities drawn;
// the tile then fetches that frame. One connection per page, whatever the number of cameras.
(function () {
  const events = new EventSource('/events');
  events.addEventListener('tile', function (message) {
    const tile = JSON.parse(message.data);
    const image = document.querySelector('img[data-camera="' + CSS.escape(tile.camera) + '"]');
    if (image) {
      image.src = '/cameras/' + encodeURIComponent(tile.camera) + '/latest.jpg?seq=' + tile.seq;
    }
    const ids = document.querySelector('[data-ids="' + CSS.escape(tile.camera) + '"]');
    if (ids) {
      ids.replaceChildren(...tile.ids.map(function (id) {
        const link = document.createElement('a');
        link.href = '/identities/' + id;
        link.textContent = 'id ' + id + ' ';
        return link;
      }));
    }
    const figures = document.querySelector('[data-figures="' + CSS.escape(tile.camera) + '"]');
    if (figures) {
      figures.textContent = tile.fps + ' fps, ' + tile.frames + ' frames';
    }
  });
})();
