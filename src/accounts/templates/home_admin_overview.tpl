{{%AUTOESCAPE context="HTML"}}<section class="card" aria-labelledby="admin-summary">
  <h2 id="admin-summary">[[home.admin.summary]]</h2>
  <dl class="stats">
    <div><dt>[[home.admin.users]]</dt><dd>{{USERS}}</dd></div>
    <div><dt>[[home.admin.events]]</dt><dd>{{EVENTS}}</dd></div>
    <div><dt>[[home.admin.failed]]</dt><dd>{{FAILED}}</dd></div>
  </dl>
</section>
