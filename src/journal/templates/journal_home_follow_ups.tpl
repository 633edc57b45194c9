{{%AUTOESCAPE context="HTML"}}<section class="card" aria-labelledby="journal-my-follow-ups">
  <h2 id="journal-my-follow-ups">[[journal.my_follow_ups]]</h2>
  <ul>
  {{#FOLLOW_UPS}}<li>{{FU_TEXT}} — <a href="/journal/{{ACTIVITY_ID}}#follow-ups">{{ACTIVITY_TITLE}}</a>{{#HAS_DUE}} · [[journal.follow_up.due]] {{FU_DUE}}{{/HAS_DUE}}
  <form method="post" action="/journal/follow-ups/{{FU_ID}}/status" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="status" value="done"><input type="hidden" name="back" value="home"><button type="submit" class="button">[[journal.follow_up.mark_done]]<span class="visually-hidden">: {{FU_TEXT}}</span></button></form></li>
  {{/FOLLOW_UPS}}
  </ul>
</section>
