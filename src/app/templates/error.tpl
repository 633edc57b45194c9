{{%AUTOESCAPE context="HTML"}}<h1>[[error.title]] {{STATUS}}</h1>
<p class="notice error" role="alert">{{MESSAGE}}</p>
<p><a href="/">[[error.home_link]]</a></p>
