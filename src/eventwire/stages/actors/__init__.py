"""The actors stage and its helpers.

``stage``     the stage: fills each entity's actor codes and knowledge-base id (``link_actors``), and
              ``actor_for_span``, the actor of any stretch of text
``context``   ``ActorText``: the article's words with actor names and role words found in them
``names``     actors read from the shape of a name, and the countries an article names
``coref``     mentions that name an entity without its name (role nominals, "the alliance", pronouns)
``pronouns``  he/she to persons (gender read from the article), they/them to organisations
``members``   the members of a list taken as one name ("Arnor, Gondor and Rohan"), one actor each
"""
